/** Every processor, loaded now: for services that would rather pay the imports at start-up. */
import { annotatedProcessor } from './annotated.js';
import { htmlProcessor } from './html.js';
import { registerProcessor } from './index.js';
import { markdownProcessor } from './markdown.js';
import { xliffProcessor } from './xliff.js';

for (const processor of [markdownProcessor, htmlProcessor, xliffProcessor, annotatedProcessor]) {
  registerProcessor(processor);
}

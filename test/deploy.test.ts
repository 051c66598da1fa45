/**
 * The container image and the Kubernetes manifests against the Kubernetes API's schemas and against
 * the service they deploy: probe paths, port, settings, user and the files the image copies.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { validate as lintDockerfile } from 'dockerfile-utils';
import ignore from 'ignore';
import request from 'supertest';
import ts from 'typescript';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { createApp } from '../src/http/app.js';
import { createInProcessLintService } from '../src/http/lint-service.js';
import { SERVICE_NODE_FLAGS } from '../src/http/node-flags.js';
import { readSettings, type Settings } from '../src/http/settings.js';
import { registry } from '../src/linter.js';
import { ROOT } from './helpers/cli.js';
import { freePort, SERVER_ENTRY, startServer, type RunningServer } from './helpers/server.js';

const MANIFESTS = join(ROOT, 'deploy', 'kubernetes');

// ---- the manifests ----

interface Manifest {
  file: string;
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec: Record<string, unknown>;
}

/** Every object in every manifest file (kustomization.yaml is kustomize's, not the API's). */
function loadManifests(): Manifest[] {
  const objects: Manifest[] = [];
  for (const file of readdirSync(MANIFESTS).sort()) {
    if (!file.endsWith('.yaml') || file === 'kustomization.yaml') continue;
    for (const document of parseAllDocuments(readFileSync(join(MANIFESTS, file), 'utf8'))) {
      if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]!.message}`);
      const object = document.toJS() as Omit<Manifest, 'file'> | null;
      if (object) objects.push({ file, ...object });
    }
  }
  return objects;
}

const manifests = loadManifests();

function only(kind: string): Manifest {
  const found = manifests.filter((object) => object.kind === kind);
  expect(found).toHaveLength(1);
  return found[0]!;
}

interface Probe {
  httpGet: { path: string; port: string | number };
}
interface Container {
  name: string;
  image: string;
  ports: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string }[];
  resources: { requests?: Record<string, string>; limits?: Record<string, string> };
  startupProbe?: Probe;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  lifecycle?: { preStop?: { sleep?: { seconds: number } } };
  securityContext?: Record<string, unknown>;
  command?: string[];
  args?: string[];
}
interface PodSpec {
  containers: Container[];
  enableServiceLinks?: boolean;
  terminationGracePeriodSeconds?: number;
  securityContext?: Record<string, unknown>;
}

const deployment = only('Deployment');
const template = deployment.spec.template as { metadata: { labels: Record<string, string> } };
const pod = (deployment.spec.template as { spec: PodSpec }).spec;
const container = pod.containers[0]!;
const containerEnv = Object.fromEntries(
  (container.env ?? []).map((variable) => [variable.name, variable.value]),
);

/** The object as the API gets it (without the file it came from). */
function apiObject(object: Manifest): Record<string, unknown> {
  const data: Record<string, unknown> = { ...object };
  delete data.file;
  return data;
}

/** The model class of `kubernetes-models` for an object's apiVersion and kind. */
async function modelOf(object: Manifest): Promise<{ validate(): void }> {
  const models = (await import(`kubernetes-models/${object.apiVersion}`)) as Record<
    string,
    new (data: unknown) => { validate(): void }
  >;
  const Model = models[object.kind];
  if (!Model) throw new Error(`kubernetes-models has no ${object.apiVersion} ${object.kind}`);
  return new Model(apiObject(object));
}

function schemaErrors(model: { validate(): void }): string | undefined {
  try {
    model.validate();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Fields the API does not know. The OpenAPI schemas allow unknown fields (the API server drops
 * or, with strict field validation, refuses them), so a misspelt `readinesProbe` passes the schema
 * check: the same package's TypeScript interfaces, applied to each object as a literal, catch it.
 */
function unknownFieldErrors(objects: Manifest[]): string[] {
  const virtual = join(ROOT, 'test', '__deploy-manifests__.ts');
  const lines = objects.map((object, index) => {
    const module = JSON.stringify(`kubernetes-models/${object.apiVersion}`);
    return `import type { I${object.kind} as T${index} } from ${module};\nexport const m${index}: T${index} = ${JSON.stringify(apiObject(object))};`;
  });
  const source = lines.join('\n');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2022.d.ts'],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) =>
    name === virtual
      ? ts.createSourceFile(name, source, language)
      : getSourceFile(name, language, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === virtual || fileExists(name);
  const program = ts.createProgram([virtual], options, host);
  const file = program.getSourceFile(virtual)!;
  return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map(
    (diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
  );
}

describe('Kubernetes manifests', () => {
  it('hold a Deployment, Service, HorizontalPodAutoscaler and PodDisruptionBudget', () => {
    expect(manifests.map((object) => `${object.apiVersion} ${object.kind}`).sort()).toEqual([
      'apps/v1 Deployment',
      'autoscaling/v2 HorizontalPodAutoscaler',
      'policy/v1 PodDisruptionBudget',
      'v1 Service',
    ]);
  });

  it.each(manifests.map((object) => [`${object.file} ${object.kind}`, object] as const))(
    '%s is valid against the Kubernetes API schema',
    async (_name, object) => {
      expect(schemaErrors(await modelOf(object))).toBeUndefined();
    },
  );

  it('the schema check rejects a broken object (so passing it means something)', async () => {
    const broken = structuredClone(deployment);
    (broken.spec.template as { spec: PodSpec }).spec.containers[0]!.ports[0]!.containerPort =
      'three thousand' as unknown as number;
    expect(schemaErrors(await modelOf(broken))).toMatch(/containerPort must be integer/);
  });

  it('name no field the API does not know', () => {
    expect(unknownFieldErrors(manifests)).toEqual([]);
  });

  it('the unknown-field check catches a misspelt field', () => {
    const misspelt = structuredClone(deployment);
    const spec = (misspelt.spec.template as { spec: PodSpec }).spec;
    const { readinessProbe, ...rest } = spec.containers[0]!;
    spec.containers[0] = { ...rest, readinesProbe: readinessProbe } as Container;
    const errors = unknownFieldErrors([misspelt]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/readinesProbe/);
  });

  it('kustomization.yaml lists every manifest and names the Deployment’s image', () => {
    const kustomization = parseYaml(
      readFileSync(join(MANIFESTS, 'kustomization.yaml'), 'utf8'),
    ) as {
      resources: string[];
      images?: { name: string; newTag?: string }[];
    };
    const files = readdirSync(MANIFESTS).filter(
      (file) => file.endsWith('.yaml') && file !== 'kustomization.yaml',
    );
    expect([...kustomization.resources].sort()).toEqual(files.sort());
    const [imageName, imageTag] = container.image.split(':');
    expect(kustomization.images?.map((image) => image.name)).toEqual([imageName]);
    // The manifests deploy the version this package is.
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(imageTag).toBe(version);
    expect(kustomization.images?.[0]?.newTag).toBe(version);
  });

  it('select the Deployment’s pods from the Service, PodDisruptionBudget and autoscaler', () => {
    const labels = template.metadata.labels;
    const matches = (selector: Record<string, string>) =>
      Object.entries(selector).every(([key, value]) => labels[key] === value);
    expect(deployment.spec.selector).toEqual({ matchLabels: expect.any(Object) });
    expect(
      matches((deployment.spec.selector as { matchLabels: Record<string, string> }).matchLabels),
    ).toBe(true);
    const service = only('Service').spec as { selector: Record<string, string> };
    expect(matches(service.selector)).toBe(true);
    const pdb = only('PodDisruptionBudget').spec as {
      selector: { matchLabels: Record<string, string> };
    };
    expect(matches(pdb.selector.matchLabels)).toBe(true);
    const hpa = only('HorizontalPodAutoscaler').spec as {
      scaleTargetRef: { apiVersion: string; kind: string; name: string };
    };
    expect(hpa.scaleTargetRef).toEqual({
      apiVersion: deployment.apiVersion,
      kind: 'Deployment',
      name: deployment.metadata.name,
    });
  });
});

// ---- the manifests against the service ----

describe('the Deployment and the service it runs', () => {
  let settings: Settings;
  beforeAll(() => {
    // The container's environment must be settings the service accepts (it exits 2 otherwise).
    settings = readSettings(containerEnv);
  });

  const lintService = createInProcessLintService();
  let draining = false;
  const app = createApp({ lintService, defaultMetrics: false, isDraining: () => draining });
  afterAll(() => lintService.close());

  const probes = (['startupProbe', 'readinessProbe', 'livenessProbe'] as const).map(
    (name) => [name, container[name]] as const,
  );

  it.each(probes)(
    '%s GETs a path the service answers 200 on a named container port',
    async (_name, probe) => {
      expect(probe).toBeDefined();
      const response = await request(app).get(probe!.httpGet.path);
      expect(response.status).toBe(200);
      const port = container.ports.find((candidate) => candidate.name === probe!.httpGet.port);
      expect(port?.containerPort).toBe(settings.port);
    },
  );

  it('the readiness probe turns 503 while draining and liveness stays 200', async () => {
    draining = true;
    try {
      const ready = await request(app).get(container.readinessProbe!.httpGet.path);
      expect(ready.status).toBe(503);
      expect(ready.body.status).toBe('draining');
      // A draining pod must not be restarted by its liveness probe.
      expect((await request(app).get(container.livenessProbe!.httpGet.path)).status).toBe(200);
      expect((await request(app).get(container.startupProbe!.httpGet.path)).status).toBe(200);
    } finally {
      draining = false;
    }
  });

  it('the Service sends its port to the container port the service listens on', () => {
    const service = only('Service').spec as { ports: { targetPort: string | number }[] };
    for (const { targetPort } of service.ports) {
      const port =
        typeof targetPort === 'number'
          ? targetPort
          : container.ports.find((candidate) => candidate.name === targetPort)?.containerPort;
      expect(port).toBe(settings.port);
    }
  });

  it("runs the image's CMD, so the server keeps its node flags (src/http/node-flags.ts)", () => {
    const command = [...(container.command ?? []), ...(container.args ?? [])];
    const flagged = SERVICE_NODE_FLAGS.every((flag) => command.includes(flag));
    expect(command.length === 0 || flagged).toBe(true);
  });

  it('gives the drain time: grace period > preStop sleep + shutdown timeout', () => {
    const grace = pod.terminationGracePeriodSeconds;
    const sleep = container.lifecycle?.preStop?.sleep?.seconds;
    expect(sleep).toBeGreaterThan(0);
    expect(grace).toBeGreaterThan(sleep! + settings.shutdownTimeoutMs / 1000);
    // Also with the service's default bound, should the variable be dropped from the manifest.
    expect(grace).toBeGreaterThan(sleep! + readSettings({}).shutdownTimeoutMs / 1000);
  });

  it('requests one CPU core per lint worker, and the autoscaler scales on CPU utilisation', () => {
    expect(containerEnv.MTLINT_WORKERS).toBeDefined();
    expect(cpuCores(container.resources.requests?.cpu)).toBe(settings.workers);
    const hpa = only('HorizontalPodAutoscaler').spec as {
      minReplicas: number;
      metrics: { type: string; resource?: { name: string; target: { type: string } } }[];
    };
    expect(hpa.metrics).toContainEqual({
      type: 'Resource',
      resource: { name: 'cpu', target: expect.objectContaining({ type: 'Utilization' }) },
    });
    // The autoscaler owns the replica count; a count here would reset it on every apply.
    expect(deployment.spec.replicas).toBeUndefined();
    // A voluntary disruption never takes the last pod.
    const pdb = only('PodDisruptionBudget').spec as { maxUnavailable: number };
    expect(hpa.minReplicas).toBeGreaterThan(pdb.maxUnavailable);
  });

  it('limits memory above what the workers’ heap limits allow', () => {
    const limit = bytesOf(container.resources.limits?.memory);
    const heaps = settings.workers * (settings.workerMaxOldMb + settings.workerYoungMb) * 2 ** 20;
    expect(limit).toBeGreaterThan(heaps);
  });

  it('keeps Service variables out of the MTLINT_* settings namespace', () => {
    // Kubernetes would otherwise inject MTLINT_PORT=tcp://..., MTLINT_SERVICE_HOST and more for
    // any Service named mtlint in the namespace: the same prefix as the service's settings.
    expect(pod.enableServiceLinks).toBe(false);
  });

  it('runs as the image’s non-root user with a read-only root filesystem and no privileges', () => {
    const merged = { ...pod.securityContext, ...container.securityContext };
    expect(merged).toMatchObject({
      runAsNonRoot: true,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    const { uid, gid } = imageUser();
    expect(uid).toBeGreaterThan(0);
    expect(merged.runAsUser).toBe(uid);
    if (merged.runAsGroup !== undefined) expect(merged.runAsGroup).toBe(gid);
  });
});

/** Kubernetes CPU quantities: `2`, `1.5`, `500m`. */
function cpuCores(quantity: string | undefined): number {
  const match = /^(\d+(?:\.\d+)?)(m?)$/.exec(quantity ?? '');
  if (!match) throw new Error(`not a CPU quantity: ${quantity}`);
  return Number(match[1]) / (match[2] ? 1000 : 1);
}

/** Kubernetes memory quantities with binary suffixes (`512Mi`, `1Gi`) or none. */
function bytesOf(quantity: string | undefined): number {
  const match = /^(\d+)(Ki|Mi|Gi)?$/.exec(quantity ?? '');
  if (!match) throw new Error(`not a memory quantity: ${quantity}`);
  const unit = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30 }[match[2] as 'Ki' | 'Mi' | 'Gi'] ?? 1;
  return Number(match[1]) * unit;
}

// ---- the Dockerfile ----

const dockerfile = DockerfileParser.parse(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));

interface Stage {
  name: string | null;
  image: string;
  instructions: Instruction[];
}

/** The Dockerfile's stages, each with its instructions (FROM included), ARGs resolved in FROM. */
function stages(): Stage[] {
  const args = new Map(
    dockerfile
      .getInitialARGs()
      .map((arg) => [arg.getProperty()?.getName() ?? '', arg.getProperty()?.getValue() ?? '']),
  );
  const result: Stage[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const [image = '', as, name] = instruction.getArguments().map((arg) => arg.getValue());
      result.push({
        name: as?.toUpperCase() === 'AS' ? (name ?? null) : null,
        image: image.replace(/\$\{?(\w+)\}?/g, (_all, arg: string) => args.get(arg) ?? ''),
        instructions: [instruction],
      });
    } else {
      result.at(-1)?.instructions.push(instruction);
    }
  }
  return result;
}

const allStages = stages();
const runtime = allStages.at(-1)!;

function inRuntime(keyword: string): Instruction[] {
  return runtime.instructions.filter((instruction) => instruction.getKeyword() === keyword);
}

function args(instruction: Instruction): string[] {
  return instruction.getArguments().map((arg) => arg.getValue());
}

/** A JSON-form (exec) argument list, or undefined for the shell form. */
function execForm(text: string | null): string[] | undefined {
  if (!text?.trim().startsWith('[')) return undefined;
  return JSON.parse(text) as string[];
}

function imageUser(): { uid: number; gid: number | undefined } {
  const users = inRuntime('USER');
  expect(users).toHaveLength(1);
  const match = /^(\d+)(?::(\d+))?$/.exec(args(users[0]!).join(' '));
  if (!match) throw new Error('the runtime USER must be numeric (uid[:gid]) for runAsNonRoot');
  return { uid: Number(match[1]), gid: match[2] === undefined ? undefined : Number(match[2]) };
}

interface CopyStep {
  from: string | undefined;
  sources: string[];
  destination: string;
}

function copies(stage: Stage): CopyStep[] {
  return stage.instructions
    .filter((instruction) => instruction.getKeyword() === 'COPY')
    .map((instruction) => {
      const values = args(instruction);
      const from = (instruction as unknown as { getFromFlag(): { getValue(): string } | null })
        .getFromFlag()
        ?.getValue();
      return { from, sources: values.slice(0, -1), destination: values.at(-1)! };
    });
}

/**
 * The packages (by name) that the compiled modules reachable from `entries` import, following
 * relative imports; Node's built-ins left out.
 */
function importedPackages(entries: string[]): string[] {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of moduleSpecifiers(file)) {
      if (specifier.startsWith('.')) visit(join(dirname(file), specifier));
      else if (!specifier.startsWith('node:') && !builtinModules.includes(specifier)) {
        const parts = specifier.split('/');
        packages.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
      }
    }
  };
  entries.forEach(visit);
  return [...packages].sort();
}

/** What a compiled module imports: static imports, re-exports and `import()` with a literal. */
function moduleSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const specifiers: string[] = [];
  const walk = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text);
    }
    ts.forEachChild(node, walk);
  };
  walk(source);
  return specifiers;
}

function workdir(stage: Stage): string {
  const dirs = stage.instructions.filter((instruction) => instruction.getKeyword() === 'WORKDIR');
  return dirs.length ? args(dirs.at(-1)!)[0]! : '/';
}

describe('Dockerfile', () => {
  it('has no syntax or instruction errors (dockerfile-utils)', () => {
    const problems = lintDockerfile(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
    expect(
      problems.map((problem) => `${problem.range.start.line + 1}: ${problem.message}`),
    ).toEqual([]);
  });

  it('the Dockerfile check flags a misspelt flag (so passing it means something)', () => {
    const problems = lintDockerfile(
      'FROM node:20-bookworm-slim\nHEALTHCHECK --intervall=3s CMD ["node"]\n',
    );
    expect(problems.map((problem) => problem.message)).toEqual(['Unknown flag: intervall']);
  });

  it('builds in one stage and runs from another, both on an official node slim image', () => {
    expect(allStages.length).toBeGreaterThanOrEqual(2);
    // At least the Node version the package requires (package.json engines).
    const { engines } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      engines: { node: string };
    };
    const required = Number(/^>=(\d+)/.exec(engines.node)?.[1]);
    for (const stage of allStages) {
      const match = /^node:(\d+)(?:\.\d+){0,2}-bookworm-slim(?:@sha256:[\da-f]{64})?$/.exec(
        stage.image,
      );
      expect([stage.image, match !== null]).toEqual([stage.image, true]);
      expect(Number(match![1])).toBeGreaterThanOrEqual(required);
    }
    const build = allStages.find((stage) => stage.name === 'build');
    expect(build).toBeDefined();
    const runs = build!.instructions
      .filter((instruction) => instruction.getKeyword() === 'RUN')
      .map((instruction) => args(instruction).join(' '));
    expect(runs.some((run) => /\bnpm ci\b/.test(run))).toBe(true);
    expect(runs.some((run) => /\bnpm run build\b/.test(run))).toBe(true);
    expect(copies(runtime).some((copy) => copy.from === 'build')).toBe(true);
  });

  it('installs only production dependencies in the runtime stage, without lifecycle scripts', () => {
    const installs = inRuntime('RUN')
      .map((instruction) => args(instruction).join(' '))
      .filter((run) => /\bnpm ci\b/.test(run));
    expect(installs).toHaveLength(1);
    expect(installs[0]).toMatch(/--omit=dev\b/);
    expect(installs[0]).toMatch(/--ignore-scripts\b/);
  });

  it('sets NODE_ENV=production, exposes the service’s port and runs as a numeric non-root user', () => {
    const env = inRuntime('ENV').flatMap((instruction) => args(instruction));
    expect(env).toContain('NODE_ENV=production');
    expect(inRuntime('EXPOSE').flatMap((instruction) => args(instruction))).toEqual([
      String(readSettings({}).port),
    ]);
    expect(imageUser().uid).toBeGreaterThan(0);
  });

  it('starts node as PID 1 on the built server, in exec form', () => {
    expect(inRuntime('ENTRYPOINT')).toHaveLength(0);
    const cmds = inRuntime('CMD');
    expect(cmds).toHaveLength(1);
    const command = execForm(cmds[0]!.getArgumentsContent());
    expect(command).toEqual(['node', ...SERVICE_NODE_FLAGS, 'dist/src/server.js']);
    expect(join(ROOT, command!.at(-1)!)).toBe(SERVER_ENTRY);
    expect(existsSync(SERVER_ENTRY)).toBe(true);
  });

  it("starts the server with the same node flags as package.json's start scripts", () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const server = ['node', ...SERVICE_NODE_FLAGS, 'dist/src/server.js'].join(' ');
    expect(scripts['start:prod']).toBe(server);
    expect(scripts.start?.split(' && ').at(-1)).toBe(server);
  });

  it('copies each path from where the build stage put it to the same place, and it exists after the build', () => {
    const build = allStages.find((stage) => stage.name === 'build')!;
    const buildRoot = workdir(build);
    const runtimeRoot = workdir(runtime);
    for (const copy of copies(runtime)) {
      for (const source of copy.sources) {
        const relative =
          copy.from === 'build' ? posix.relative(buildRoot, source) : posix.normalize(source);
        expect(relative.startsWith('..')).toBe(false);
        expect(existsSync(join(ROOT, relative))).toBe(true);
        if (copy.from === 'build') {
          // The runtime keeps the package's layout: the server finds rules/ and dist/web from it.
          expect(posix.relative(runtimeRoot, posix.join(runtimeRoot, copy.destination))).toBe(
            relative,
          );
        }
      }
    }
  });

  it('copies everything the server reads at run time', () => {
    const copied = copies(runtime).flatMap((copy) =>
      copy.from === 'build'
        ? copy.sources.map((source) =>
            posix.relative(workdir(allStages.find((stage) => stage.name === 'build')!), source),
          )
        : copy.sources.map((source) => posix.normalize(source)),
    );
    const covered = (path: string) =>
      copied.some((copiedPath) => path === copiedPath || path.startsWith(`${copiedPath}/`));
    const needed = [
      'package.json', // packageRoot() finds the package by it
      'package-lock.json',
      'dist/src/server.js',
      'dist/src/http/lint-worker.js',
      'dist/rules/index.js',
      'dist/web/index.html',
      ...[...registry.keys()].map((id) => `rules/${id}/README.md`),
    ];
    for (const path of needed) {
      expect(existsSync(join(ROOT, path))).toBe(true);
      expect([path, covered(path)]).toEqual([path, true]);
    }
  });

  it('installs every package the server and its lint workers import (npm ci --omit=dev)', () => {
    const packages = [
      ...importedPackages([
        SERVER_ENTRY,
        join(ROOT, 'dist', 'src', 'http', 'lint-worker.js'), // started by file name, not imported
      ]),
      // Required on first use, not imported: the part-of-speech tagger and its model.
      'wink-nlp',
      'wink-eng-lite-web-model',
    ];
    // The walk reaches the service's own dependencies (so an empty answer cannot pass).
    expect(packages).toEqual(
      expect.arrayContaining(['express', 'piscina', 'pino', 'parse-english']),
    );
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
    };
    for (const name of packages) {
      const entry = lock.packages[`node_modules/${name}`];
      // Installed at the top level, and not left out by --omit=dev.
      expect([name, entry !== undefined && !entry.dev && !entry.devOptional]).toEqual([name, true]);
    }
  });

  describe('HEALTHCHECK', () => {
    const healthchecks = inRuntime('HEALTHCHECK');
    const command = (): string[] => {
      expect(healthchecks).toHaveLength(1);
      const content = healthchecks[0]!.getArgumentsContent() ?? '';
      const [subcommand, ...rest] = content.split(' ');
      expect(subcommand).toBe('CMD');
      const exec = execForm(rest.join(' '));
      expect(exec?.[0]).toBe('node');
      expect(exec?.join(' ')).toMatch(/\/healthz\b/);
      return exec!;
    };
    const run = (port: number) => {
      const [, ...nodeArgs] = command();
      const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
      delete env.NODE_OPTIONS;
      return spawnSync(process.execPath, nodeArgs, { env, timeout: 20_000 });
    };

    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer();
    });
    afterAll(() => server.stop());

    it('passes against the running service (node itself, on PORT)', () => {
      const result = run(Number(new URL(server.url).port));
      expect(result.status).toBe(0);
    });

    it('fails where nothing answers', async () => {
      const result = run(await freePort());
      expect(result.status).toBe(1);
    });
  });
});

// ---- the build context ----

describe('.dockerignore', () => {
  // gitignore semantics (the `ignore` package) match at least what Docker's do for these patterns.
  const rules = ignore().add(readFileSync(join(ROOT, '.dockerignore'), 'utf8'));
  const build = JSON.parse(readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8')) as {
    include: string[];
  };

  it('keeps what `npm ci` and `npm run build` read', () => {
    const inputs = [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'tsconfig.build.json',
      'scripts/copy-assets.mjs',
      'web/index.html',
      ...build.include.map((folder) => `${folder}/`),
      ...[...registry.keys()].map((id) => `rules/${id}/README.md`),
    ];
    for (const input of inputs) {
      expect(existsSync(join(ROOT, input))).toBe(true);
      expect([input, rules.ignores(input)]).toEqual([input, false]);
    }
  });

  it('leaves out what the host built or installed', () => {
    for (const path of ['node_modules/', 'dist/', '.git/', 'web/node_modules/']) {
      expect([path, rules.ignores(path)]).toEqual([path, true]);
    }
  });
});

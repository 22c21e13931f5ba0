// The real Itqan Recording stack for the end-to-end tests, on free loopback ports, thrown away afterwards:
// a fresh PostgreSQL cluster (initdb in a temp folder), the LiveKit emulator and the API (built assemblies,
// migrations and demo data on start-up, the built web app as its web root).
//
//   const stack = await startStack();   // { apiUrl, emulatorUrl, ... }
//   await stack.stop();
//
// A watchdog shell stops everything and removes the temp folders should this process die without stop().
// Logs go to <repo>/.artifacts/e2e-stack/ (git-ignored) and their last lines are printed when a service fails.
import { spawn, spawnSync } from 'node:child_process';
import {
  chownSync,
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const webDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const repoDir = join(webDir, '..');
/** Screenshots of the steps a person would look at (git-ignored; emptied at the start of each run). */
export const screenshotDir = join(webDir, 'e2e-screenshots');

const apiKey = 'e2eKey';
const apiSecret = 'e2e-livekit-secret-0123456789abcdef0123456789';
const egressPrefix = '/recordings';
const readyTimeoutMs = 180_000;
const isRoot = process.getuid?.() === 0;

/** @param {string} message */
function say(message) {
  process.stdout.write(`e2e-stack: ${message}\n`);
}

/** @returns {Promise<number>} a port nothing listens on right now */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs a command to completion; throws with its output when it fails.
 * @param {string} command @param {string[]} args @param {{ cwd?: string, asPostgres?: boolean }} [options]
 */
function run(command, args, options = {}) {
  const [file, argv] = options.asPostgres && isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { cwd: options.cwd ?? '/', encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${String(result.status)}`}):\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

/** PostgreSQL's server binaries, found the way scripts/dev-db.sh finds them. */
function postgresBinDir() {
  const candidates = [process.env.ITQAN_PG_BINDIR, '/usr/lib/postgresql/15/bin'];
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (pgConfig.status === 0) candidates.push(pgConfig.stdout.trim());
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql').filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  }
  const found = candidates.find((dir) => dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!found) throw new Error('PostgreSQL server binaries not found; run scripts/install-deps.sh');
  return found;
}

/**
 * The newer of the Release and Debug builds of an assembly (`make test` builds Release; a developer may
 * only have built Debug).
 * @param {string} project folder under the repo @param {string} assembly file name
 */
function builtAssembly(project, assembly) {
  const builds = ['Release', 'Debug']
    .map((configuration) => join(repoDir, project, 'bin', configuration, 'net10.0', assembly))
    .filter((path) => existsSync(path))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!builds[0]) {
    throw new Error(`${assembly} is not built; run \`dotnet build ItqanRecording.sln -c Release\` (make test does) first`);
  }
  return builds[0];
}

/** @param {string} path @returns {number} newest modification time of a file or of any file below a folder */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/** Builds the web app (`npm run build`, with its bundle budget) unless web/dist is newer than its sources. */
export function ensureWebAppBuilt() {
  const index = join(webDir, 'dist', 'index.html');
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json', 'tsconfig.app.json'];
  const newestSource = Math.max(...sources.map((name) => newestMtime(join(webDir, name))));
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource) return;
  say('building the web app (npm run build)');
  const result = spawnSync('npm', ['run', 'build'], { cwd: webDir, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed');
}

/** @param {string} path @param {number} lines */
function tail(path, lines = 40) {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * @typedef {object} Stack
 * @property {string} apiUrl      e.g. http://127.0.0.1:41234 (no trailing slash)
 * @property {string} emulatorUrl the emulator's Twirp and /_emulator control API
 * @property {string} logDir
 * @property {() => Promise<void>} stop
 */

/** @returns {Promise<Stack>} */
export async function startStack() {
  const logDir = join(repoDir, '.artifacts', 'e2e-stack');
  rmSync(logDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });

  // As root, initdb refuses to run: the cluster belongs to the postgres user, under /tmp which it can reach.
  const tempRoot = isRoot ? '/tmp' : tmpdir();
  const pgDir = mkdtempSync(join(tempRoot, 'itqan-e2e-pg-'));
  const storageRoot = mkdtempSync(join(tmpdir(), 'itqan-e2e-recordings-'));
  const transcriber = writeStandInTranscriber(mkdtempSync(join(tmpdir(), 'itqan-e2e-transcriber-')));
  const pgData = join(pgDir, 'data');
  const clusterLog = join(pgDir, 'postgres.log');
  const bin = postgresBinDir();
  /** @type {import('node:child_process').ChildProcess[]} */
  const services = [];
  let watchdog = /** @type {import('node:child_process').ChildProcess | undefined} */ (undefined);
  let stopped = false;

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await Promise.all(services.map((child) => terminate(child)));
    spawnSync(...pgCtl(['stop', '-D', pgData, '-m', 'fast', '-w']), { cwd: '/', stdio: 'ignore' });
    // The postgres user may not reach the repository's .artifacts: the server logs into the cluster folder.
    if (existsSync(clusterLog)) copyFileSync(clusterLog, join(logDir, 'postgres.log'));
    rmSync(pgDir, { recursive: true, force: true });
    rmSync(storageRoot, { recursive: true, force: true });
    rmSync(dirname(transcriber), { recursive: true, force: true });
    watchdog?.kill('SIGKILL');
  };

  /** @param {string[]} args @returns {[string, string[]]} */
  const pgCtl = (args) => (isRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), ...args]] : [join(bin, 'pg_ctl'), args]);

  try {
    // --- PostgreSQL -------------------------------------------------------------------------------------------
    const pgPort = await freePort();
    if (isRoot) chownSync(pgDir, uidOf('postgres'), gidOf('postgres'));
    run(join(bin, 'initdb'), ['-D', pgData, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C'], { asPostgres: true });
    const settings = `-p ${String(pgPort)} -k ${pgDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    const started = spawnSync(...pgCtl(['start', '-D', pgData, '-l', clusterLog, '-w', '-t', '60', '-o', settings]), {
      cwd: '/',
      encoding: 'utf8',
    });
    if (started.status !== 0) throw new Error(`PostgreSQL did not start:\n${started.stderr}\n${tail(clusterLog)}`);
    watchdog = startWatchdog({ pgCtl: pgCtl(['stop', '-D', pgData, '-m', 'immediate']), dirs: [pgDir, storageRoot] });
    run(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'postgres', 'itqan_e2e']);
    const connectionString = `Host=127.0.0.1;Port=${String(pgPort)};Database=itqan_e2e;Username=postgres`;

    // --- LiveKit emulator and API ------------------------------------------------------------------------------
    const emulatorUrl = `http://127.0.0.1:${String(await freePort())}`;
    const apiUrl = `http://127.0.0.1:${String(await freePort())}`;
    const common = { DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' };

    const emulatorDll = builtAssembly('tools/LiveKitEmulator', 'ItqanRecording.LiveKitEmulator.dll');
    services.push(
      startService('emulator', emulatorDll, emulatorUrl, join(logDir, 'emulator.log'), {
        ...common,
        Emulator__ApiKey: apiKey,
        Emulator__ApiSecret: apiSecret,
        Emulator__WebhookUrl: `${apiUrl}/webhooks/livekit`,
        Emulator__OutputPrefix: egressPrefix,
        Emulator__OutputRoot: storageRoot,
        // Long enough for the UI to show "processing", short enough to keep the run quick.
        Emulator__ProcessingDelayMs: '1000',
        Emulator__MediaSeconds: '6',
        Emulator__WebhookRetryBaseDelayMs: '200',
      }),
    );

    const apiDll = builtAssembly('src/Api', 'ItqanRecording.Api.dll');
    services.push(
      startService('api', apiDll, apiUrl, join(logDir, 'api.log'), {
        ...common,
        ASPNETCORE_ENVIRONMENT: 'Production',
        ASPNETCORE_WEBROOT: join(webDir, 'dist'),
        ConnectionStrings__Recording: connectionString,
        LiveKit__Url: emulatorUrl,
        LiveKit__ApiKey: apiKey,
        LiveKit__ApiSecret: apiSecret,
        Storage__RootPath: storageRoot,
        Storage__EgressPathPrefix: egressPrefix,
        Database__MigrateOnStartup: 'true',
        Seed__Demo: 'true',
        // The api-types drift check reads the OpenAPI document, off in Production unless enabled.
        Swagger__Enabled: 'true',
        // Every spec signs in from 127.0.0.1.
        Auth__LoginRateLimit__PermitLimit: '1000',
        Transcription__Command: transcriber,
      }),
    );
    watchdog.stdin?.end(`${services.map((s) => String(s.pid)).join(' ')}\n`);

    await waitUntilReady(`${apiUrl}/health/ready`, services, logDir);
    say(`ready: API ${apiUrl}, emulator ${emulatorUrl}, logs ${logDir}`);
    return { apiUrl, emulatorUrl, logDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * A stand-in for a speech recogniser (none is bundled): it refuses anything but the WAV the media job extracts and
 * writes one WebVTT cue naming the language it was asked for. Its path, in `folder`.
 * @param {string} folder
 */
function writeStandInTranscriber(folder) {
  const script = join(folder, 'transcribe.sh');
  writeFileSync(
    script,
    [
      '#!/bin/sh',
      'head -c 4 "$1" | grep -q RIFF || { echo "not a WAV file: $1" >&2; exit 3; }',
      `printf 'WEBVTT\\n\\n00:00:00.000 --> 00:00:03.000\\nautomatic %s transcript of the class\\n' "$2"`,
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
  return script;
}

/** @param {string} user */
function uidOf(user) {
  return Number(run('id', ['-u', user]).trim());
}

/** @param {string} user */
function gidOf(user) {
  return Number(run('id', ['-g', user]).trim());
}

/**
 * Starts a built ASP.NET Core assembly on `url`, its output into `log`.
 * @param {string} name @param {string} dll @param {string} url @param {string} log @param {Record<string, string>} env
 */
function startService(name, dll, url, log, env) {
  const out = createWriteStream(log);
  const child = spawn('dotnet', [dll, '--urls', url], {
    cwd: dirname(dll),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  child.on('error', (error) => out.write(`${name}: ${error.message}\n`));
  Object.assign(child, { serviceName: name, logFile: log });
  return child;
}

/** @param {import('node:child_process').ChildProcess} child */
function terminate(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve(undefined);
      return;
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
    child.kill('SIGTERM');
  });
}

/**
 * Polls the API's readiness endpoint; fails at once when a service exits.
 * @param {string} url @param {import('node:child_process').ChildProcess[]} services @param {string} logDir
 */
async function waitUntilReady(url, services, logDir) {
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    const exited = services.find((child) => child.exitCode !== null || child.signalCode !== null);
    if (exited) {
      const { serviceName, logFile } = /** @type {{ serviceName: string, logFile: string }} */ (/** @type {unknown} */ (exited));
      throw new Error(`the ${serviceName} exited (${String(exited.exitCode ?? exited.signalCode)}); last lines of ${logFile}:\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`the API was not ready within ${String(readyTimeoutMs / 1000)} s (${url}); logs in ${logDir}:\n${tail(join(logDir, 'api.log'))}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * A detached shell that waits for this process to end; if it ends without stop() (which kills the watchdog
 * first), the shell kills the services whose pids it reads on stdin, stops PostgreSQL and removes the folders.
 * @param {{ pgCtl: [string, string[]], dirs: string[] }} what
 */
function startWatchdog({ pgCtl, dirs }) {
  const quote = (/** @type {string} */ value) => `'${value.replaceAll("'", "'\\''")}'`;
  const script = [
    'read -r pids',
    `while kill -0 ${String(process.pid)} 2>/dev/null; do sleep 1; done`,
    'for pid in $pids; do kill -KILL "$pid" 2>/dev/null; done',
    `cd / && ${[pgCtl[0], ...pgCtl[1]].map(quote).join(' ')} >/dev/null 2>&1`,
    `rm -rf ${dirs.map(quote).join(' ')}`,
  ].join('\n');
  const child = spawn('/bin/sh', ['-c', script], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
  child.unref();
  return child;
}

// `node e2e/support/stack.mjs`: start the stack, print its URLs, stop it on Ctrl-C (handy for gen:api or debugging).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ensureWebAppBuilt();
  const stack = await startStack();
  say('press Ctrl-C to stop');
  const shutdown = () => {
    void stack.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

/**
 * A small WebDriver BiDi client for tests/browser/app.firefox.test.ts: Debian's
 * firefox-esr (140) started headless with its BiDi server on, a page opened, scripts run
 * in it, and every request it sends counted. playwright-core 1.65 cannot drive it: its
 * BiDi launch sends `network.addDataCollector`, which Firefox 140 does not know.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

interface Socket {
  on(event: 'message', f: (data: Buffer) => void): void;
  on(event: 'open' | 'close', f: () => void): void;
  on(event: 'error', f: (e: Error) => void): void;
  send(data: string): void;
  close(): void;
}
// playwright-core's own copy of the `ws` package (a path its package.json exports); Node 20 has no WebSocket.
const { ws: WebSocketClass } = createRequire(__filename)('playwright-core/lib/utilsBundle') as {
  ws: new (url: string) => Socket;
};

type Reply = {
  id?: number;
  type?: string;
  method?: string;
  params?: any;
  result?: any;
  error?: string;
  message?: string;
};

export interface Firefox {
  /** Runs a BiDi command; its result, or throws with the browser's error. */
  send(method: string, params: Record<string, unknown>): Promise<any>;
  /** The URLs of the requests the browser has sent (`network.beforeRequestSent`). */
  requests: string[];
  close(): Promise<void>;
}

/**
 * The fresh profile's preferences. One content process and no prelaunched spare, and
 * none of the services a first start sets going (updates, telemetry, safe browsing, the
 * new-tab feeds, the connectivity checks): the page's script, worker and policy run as
 * in any Firefox, and a launch and close take about a quarter less CPU (15–18 s against
 * 20–23 s for the test file on the 2-core machine, where the test run is CPU-bound).
 */
const PREFS = Object.entries({
  'fission.autostart': false,
  'dom.ipc.processCount': 1,
  'dom.ipc.processPrelaunch.enabled': false,
  'extensions.webextensions.remote': false,
  'browser.tabs.remote.separatePrivilegedContentProcess': false,
  'browser.tabs.remote.separatePrivilegedMozillaWebContentProcess': false,
  'network.process.enabled': false,
  'media.rdd-process.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.startup.page': 0,
  'browser.newtabpage.enabled': false,
  'browser.newtabpage.activity-stream.feeds.system.topstories': false,
  'browser.topsites.contile.enabled': false,
  'browser.pagethumbnails.capturing_disabled': true,
  'browser.aboutwelcome.enabled': false,
  'browser.search.update': false,
  'extensions.pocket.enabled': false,
  'extensions.update.enabled': false,
  'app.update.auto': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
})
  .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});\n`)
  .join('');

/** Starts Firefox headless with a fresh profile and opens a BiDi session with network events on. */
export async function launchFirefox(executable: string): Promise<Firefox> {
  const profile = mkdtempSync(join(tmpdir(), 'pinggu-ff-profile-'));
  writeFileSync(join(profile, 'user.js'), PREFS);
  const proc = spawn(executable, ['--remote-debugging-port=0', '--headless', '--profile', profile], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
  });
  const endpoint = await listening(proc);
  const socket = new WebSocketClass(`${endpoint}/session`);
  await new Promise<void>((ok, no) => {
    socket.on('open', ok);
    socket.on('error', no);
  });
  const waiting = new Map<number, { ok: (r: any) => void; no: (e: Error) => void }>();
  const requests: string[] = [];
  socket.on('message', (data) => {
    const m = JSON.parse(data.toString()) as Reply;
    if (m.method === 'network.beforeRequestSent') requests.push(String(m.params?.request?.url));
    const w = m.id !== undefined ? waiting.get(m.id) : undefined;
    if (!w) return;
    waiting.delete(m.id!);
    if (m.type === 'error') w.no(new Error(`${m.error}: ${m.message}`));
    else w.ok(m.result);
  });
  let next = 0;
  const send = (method: string, params: Record<string, unknown>) =>
    new Promise<any>((ok, no) => {
      const id = ++next;
      waiting.set(id, { ok, no });
      socket.send(JSON.stringify({ id, method, params }));
    });
  await send('session.new', { capabilities: {} });
  await send('session.subscribe', { events: ['network.beforeRequestSent'] });
  const close = async () => {
    await send('browser.close', {}).catch(() => undefined);
    socket.close();
    await new Promise((ok) => (proc.exitCode !== null ? ok(null) : proc.once('exit', ok)));
    rmSync(profile, { recursive: true, force: true });
  };
  return { send, requests, close };
}

/** The BiDi server's address, from the line Firefox prints when it listens. */
function listening(proc: ChildProcess): Promise<string> {
  return new Promise((ok, no) => {
    let said = '';
    const read = (d: Buffer) => {
      said += d.toString();
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(said);
      if (m) ok(m[1]!);
    };
    proc.stderr!.on('data', read);
    proc.stdout!.on('data', read);
    proc.once('exit', (code) => no(new Error(`firefox exited (${code}) before listening: ${said.slice(-500)}`)));
  });
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killMarked, startServe, type Served } from '../support/served.js';

/** Bearer tokens of the attacked server: two users and an admin. */
export const USER_1 = 'user-one-token-5c1f';
export const USER_2 = 'user-two-token-9a2e';
export const ADMIN = 'admin-token-77d0c3a1';
export const TOKENS = `user:${USER_1},user:${USER_2},admin:${ADMIN}`;

/**
 * A project folder for `contracts serve` under attack: suites, executors, agents and scripts are
 * written into `work`; `outside` is a folder no run should write to; every server and every
 * process carrying `marker` on its command line is stopped after each test.
 */
export class AttackProject {
  readonly work = mkdtempSync(join(tmpdir(), 'contracts-attack-'));
  readonly outside = mkdtempSync(join(tmpdir(), 'contracts-attack-out-'));
  readonly marker: string;
  stateDir = '';
  private readonly servers: Served[] = [];

  constructor(name: string) {
    this.marker = `contracts-${name}-marker-${process.pid}`;
    this.suite('one');
  }

  writeJson(file: string, value: unknown): void {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
  }

  /** `suites/<id>.json` with one case `c1`. */
  suite(id: string, expected: Record<string, unknown> = { exitCode: 0 }): void {
    this.writeJson(join(this.work, 'suites', `${id}.json`), {
      id,
      title: id,
      cases: [{ id: 'c1', title: 'c1', input: {}, expected }],
    });
  }

  executor(name: string, definition: Record<string, unknown>): void {
    this.writeJson(join(this.work, 'executors', `${name}.json`), definition);
  }

  agent(name: string, definition: Record<string, unknown>): void {
    this.writeJson(join(this.work, 'agents', `${name}.json`), definition);
  }

  /** Writes `scripts/<name>` and answers its absolute path. */
  script(name: string, source: string): string {
    const file = join(this.work, 'scripts', name);
    mkdirSync(join(this.work, 'scripts'), { recursive: true });
    writeFileSync(file, source);
    return file;
  }

  /** Starts serve over a fresh state directory (kept in `stateDir`). */
  start(args: readonly string[] = [], env: NodeJS.ProcessEnv = {}): Served {
    this.stateDir = mkdtempSync(join(this.work, 'state-'));
    const served = startServe(this.work, ['--state-dir', this.stateDir, ...args], {
      CONTRACTS_TOKENS: TOKENS,
      ...env,
    });
    this.servers.push(served);
    return served;
  }

  /** {@link start}, answering the URL once it listens. */
  serve(args: readonly string[] = [], env: NodeJS.ProcessEnv = {}): Promise<string> {
    return this.start(args, env).url;
  }

  /** After each test: every server stopped, every marked process killed by pid. */
  async stopAll(): Promise<void> {
    await Promise.all(this.servers.splice(0).map((served) => served.stop()));
    killMarked(this.marker);
  }

  remove(): void {
    rmSync(this.work, { recursive: true, force: true });
    rmSync(this.outside, { recursive: true, force: true });
  }
}

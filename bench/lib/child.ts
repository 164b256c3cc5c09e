import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Starts a bench server module in its own Node process (through tsx) and waits for its first message. */
export async function startChild<T>(module: string, env: Record<string, string> = {}): Promise<{ info: T; child: ChildProcess; ask<R>(cmd: string): Promise<R>; stop(): Promise<void> }> {
  const child = fork(fileURLToPath(new URL(`../servers/${module}`, import.meta.url)), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const info = await new Promise<T>((resolve, reject) => {
    child.once('message', (m) => resolve(m as T));
    child.once('exit', (code) => reject(new Error(`${module} exited with ${code}`)));
  });
  return {
    info, child,
    ask: <R>(cmd: string) => new Promise<R>((resolve) => { child.once('message', (m) => resolve(m as R)); child.send({ cmd }); }),
    stop: () => new Promise<void>((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); }),
  };
}

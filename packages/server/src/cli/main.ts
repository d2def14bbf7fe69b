import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { COMMANDS, describeError, UsageError, type Io, type Options } from './commands.js';

/** Every option any command takes; `--name value` and `--name=value` both work. */
const CLI_OPTIONS = {
  ...Object.fromEntries(
    [
      'as',
      'cutoff',
      'division',
      'entity',
      'file',
      'format',
      'from',
      'org',
      'out',
      'username',
      'key',
      'mode',
      'name',
      'password',
      'role',
      'year',
    ].map((name) => [name, { type: 'string' as const }]),
  ),
  demo: { type: 'boolean' as const },
};

/** `npm run kjj -- <command> [--options]`; returns the exit code (tests call it in-process). */
export async function runCli(argv: string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(
      `usage: npm run kjj -- <command> [options]\n${Object.entries(COMMANDS)
        .map(([n, c]) => `  ${n.padEnd(14)} ${c.help}`)
        .join('\n')}`,
    );
    return name ? 64 : 0;
  }
  try {
    const { values } = parseArgs({ args: rest, options: CLI_OPTIONS, strict: true, allowPositionals: false });
    return await command.run(loadConfig(env), values as Options, io);
  } catch (error) {
    io.err(`${name}: ${describeError(error)}`);
    return error instanceof UsageError ? 64 : 1;
  }
}

const isEntryPoint = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntryPoint) {
  runCli(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) }).then((code) =>
    process.exit(code),
  );
}

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '@kjj/domain';

const run = promisify(execFile);

/**
 * The fonts a government document names, mapped to the CJK fonts a Linux server has (DOMAIN §5.4):
 * 仿宋 and 楷体 to AR PL UKai, 小标宋 and 宋体 to Noto Serif CJK, 黑体 to Noto Sans CJK.
 */
const FONT_ALIASES: [names: string[], family: string][] = [
  [['仿宋_GB2312', '仿宋', 'FangSong', '楷体_GB2312', '楷体', 'KaiTi'], 'AR PL UKai CN'],
  [['方正小标宋简体', '宋体', 'SimSun'], 'Noto Serif CJK SC'],
  [['黑体', 'SimHei'], 'Noto Sans CJK SC'],
];

const fontsConf = (): string =>
  `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${FONT_ALIASES.flatMap(([names, family]) =>
  names.map(
    (name) =>
      `  <alias binding="same"><family>${name}</family><prefer><family>${family}</family></prefer></alias>`,
  ),
).join('\n')}
</fontconfig>
`;

const SOFFICE = process.env.KJJ_SOFFICE ?? 'soffice';

/**
 * docx → PDF through LibreOffice headless, with the fonts embedded. Each conversion has its own
 * profile and font configuration, so conversions never share LibreOffice's lock files.
 */
export async function docxToPdf(docx: Buffer, onFailure?: (error: unknown) => void): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'kjj-pdf-'));
  try {
    await writeFile(join(dir, 'report.docx'), docx);
    await writeFile(join(dir, 'fonts.conf'), fontsConf());
    try {
      await run(
        SOFFICE,
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          join(dir, 'report.docx'),
        ],
        { timeout: 120_000, env: { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf'), HOME: dir } },
      );
    } catch (error) {
      // LibreOffice missing or failing is the server's trouble, not the caller's: a 503, and the
      // cause goes to the log, never to the client.
      onFailure?.(error);
      throw new AppError('SERVICE_UNAVAILABLE');
    }
    return await readFile(join(dir, 'report.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

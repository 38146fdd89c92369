// The terminal player as a trainee uses it: a prompt, their words shown after it, 结束 / end
// to finish as in the bot, and colours only when the output is a terminal.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
const ESC = '\u001b[';

function piped(args: string[], input: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, ['bin/roleplay.js', 'play', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Runs the player on a pseudo-terminal (util-linux `script`), typing `input`. */
function onTerminal(args: string[], input: string, env: NodeJS.ProcessEnv = {}) {
  const command = ['node', 'bin/roleplay.js', 'play', ...args].join(' ');
  const r = spawnSync('script', ['-qefc', command, '/dev/null'], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, TERM: 'xterm', NO_COLOR: '', ...env },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout };
}

const hasScript = existsSync('/usr/bin/script');

describe('roleplay play with piped input', () => {
  it('echoes each reply after the prompt, so the output reads as a transcript, without colour codes', () => {
    const r = piped(['wrong-change', '--no-pacing'], '您别急，您慢慢说\n我马上核对一下收银记录\n');
    expect(r.code).toBe(0);
    expect(r.out).toContain('你 > 您别急，您慢慢说\n');
    expect(r.out).toContain('你 > 我马上核对一下收银记录\n');
    expect(r.out.indexOf('你 > 您别急')).toBeLessThan(r.out.indexOf('你 > 我马上核对'));
    expect(r.out).not.toContain(ESC);
  });

  it('结束 ends the session at once, as in the bot; what follows is not played', () => {
    const r = piped(['wrong-change', '--no-pacing', '--json'], '您别急，您慢慢说\n结束\n这五十元退给您\n');
    const events = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; outcome?: string; turns?: number });
    expect(events.at(-1)).toMatchObject({ type: 'end', outcome: 'abandoned', turns: 1 });
    expect(events.filter((e) => e.type === 'findings')).toHaveLength(1);
  });

  it('two rules that credit the same words show as one line', () => {
    const reply = "I'll switch it to automatic now and we can test a call together.";
    const r = piped(['new-phone-fails', '--no-pacing', '--locale', 'en', '--json'], `${reply}\nend\n`);
    const findings = JSON.parse(r.out.split('\n').find((l) => l.includes('"type":"findings"'))!) as { findings: { evaluator: string }[] };
    // The evaluation has more than one problem-solving credit for that clause; the transcript shows it once.
    expect(findings.findings.filter((f) => f.evaluator === 'problemSolving').length).toBeGreaterThan(1);
    const shown = piped(['new-phone-fails', '--no-pacing', '--locale', 'en'], `${reply}\nend\n`).out;
    const lines = shown.split('\n').filter((l) => l.includes('[Problem solving]'));
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines).size).toBe(lines.length);
  });

  it('two rules that credit the same words for different reasons show as one line too', () => {
    const reply = "How about we ring the owner together right now, so he knows you're not the one holding things up?";
    const r = piped(['angry-contractor', '--no-pacing', '--locale', 'en', '--json'], `${reply}\nend\n`);
    const findings = JSON.parse(r.out.split('\n').find((l) => l.includes('"type":"findings"'))!) as {
      findings: { evaluator: string; message: string }[];
    };
    const credits = findings.findings.filter((f) => f.evaluator === 'problemSolving');
    expect(new Set(credits.map((f) => f.message)).size).toBeGreaterThan(1);
    const shown = piped(['angry-contractor', '--no-pacing', '--locale', 'en'], `${reply}\nend\n`).out;
    expect(shown.split('\n').filter((l) => l.includes('[Problem solving] "How about we ring the owner'))).toHaveLength(1);
    // A credit whose words hold another's (the step, then the step and what follows it) is that one line as well.
    const zh = piped(
      ['3g-number-migration', '--no-pacing'],
      '那好办，我帮您把通讯录导进我们的商务助理，再群发一条短信告诉大家您的新号码，不用您一个个打电话。\n结束\n',
    ).out;
    expect(zh.split('\n').filter((l) => l.includes('[解决问题]'))).toHaveLength(1);
  });

  it('"end" ends an English session and the score card follows', () => {
    const r = piped(['wrong-change', '--no-pacing', '--locale', 'en'], 'I understand, let me check the receipt.\nend\n');
    expect(r.out).toContain('You > end\n');
    expect(r.out).toContain('Score card');
    // The ending in words, not its id.
    expect(r.out).toMatch(/Ending: customer gave up {2}\(1 turns\)/);
  });
});

describe.skipIf(!hasScript)(`roleplay play on a terminal${hasScript ? '' : ' (skipped: util-linux script is not installed)'}`, () => {
  it('shows a coloured prompt, echoes the typed reply and ends on "end"', () => {
    const r = onTerminal(['wrong-change', '--no-pacing', '--locale', 'en'], 'I am sorry, let me check the till now.\nend\n');
    expect(r.code).toBe(0);
    expect(r.out).toContain('You > ');
    expect(r.out).toContain(ESC);
    expect(r.out).toContain('let me check the till now.');
    expect(r.out).toContain('Score card');
  }, 60_000);

  it('NO_COLOR turns the colours off even on a terminal', () => {
    const r = onTerminal(['wrong-change', '--no-pacing', '--locale', 'en'], 'end\n', { NO_COLOR: '1' });
    expect(r.code).toBe(0);
    expect(r.out).toContain('You > ');
    expect(r.out).not.toMatch(new RegExp(`${ESC.replace('[', '\\[')}[0-9;]*m`));
  }, 60_000);
});

// `harden-init --version` start-up against a bare `node -e ''`, measured in the same run.
import { binPath, report, timeCommand } from './lib.mjs';

const baseline = timeCommand(process.execPath, ['-e', '']);
const subject = timeCommand(process.execPath, [binPath, '--version']);
report('startup: --version vs node -e ""', subject, baseline, 1.5);

import { constants } from 'node:fs';
import { access } from 'node:fs/promises';

export async function exists(file: string): Promise<boolean> {
  try {
    await access(file, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

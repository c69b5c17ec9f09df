import { ui } from './ui';
import { mfa } from './mfa';
import { screens } from './screens';
import { guidance } from './guidance';

/** The English catalog: the source of every key. */
export const en = { ui, mfa, guidance, screens };

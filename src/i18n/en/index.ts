import { ui } from './ui';
import { mfa } from './mfa';
import { screens } from './screens';
import { guidance } from './guidance';
import { oauth } from './oauth';
import { options } from './options';

/** The English catalog: the source of every key. */
export const en = { ui, mfa, guidance, oauth, screens, options };

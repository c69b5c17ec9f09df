import * as Flows from '../../stories/Flows.stories';
import { checkScreens } from '../screen-copy';

// Every persona's connection in French, each screen held to the writing standard (English: screen-copy-flows-en).
checkScreens({ Flows }, ['fr']);

import * as Flows from '../../stories/Flows.stories';
import { checkScreens } from '../screen-copy';

// Every persona's connection in English, each screen held to the writing standard (French: screen-copy-flows-fr).
checkScreens({ Flows }, ['en']);

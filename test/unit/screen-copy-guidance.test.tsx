import * as GuidanceCodes from '../../stories/GuidanceCodes.stories';
import * as GuidanceMap from '../../stories/GuidanceMap.stories';
import { checkScreens } from '../screen-copy';

// The screen of every code and variant, and the map of them all, in English and French, held to the writing standard.
checkScreens({ GuidanceCodes, GuidanceMap });

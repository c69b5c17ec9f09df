import * as Accounts from '../../stories/AccountsStep.stories';
import * as Consent from '../../stories/ConsentStep.stories';
import * as Credentials from '../../stories/CredentialsStep.stories';
import * as EmbedConfiguration from '../../stories/EmbedConfiguration.stories';
import * as EmbedLayout from '../../stories/EmbedLayout.stories';
import * as Institution from '../../stories/InstitutionStep.stories';
import * as Layout from '../../stories/Layout.stories';
import * as Mfa from '../../stories/MfaStep.stories';
import * as OAuth from '../../stories/OAuthStep.stories';
import * as Processing from '../../stories/ProcessingStep.stories';
import * as SuccessAndExit from '../../stories/SuccessAndExit.stories';
import { checkScreens } from '../screen-copy';

// Each step's stories, the layouts and the embed page's own screens, in English and French, held to the writing standard.
checkScreens({
  Consent,
  Institution,
  Credentials,
  Mfa,
  OAuth,
  Processing,
  Accounts,
  SuccessAndExit,
  Layout,
  EmbedLayout,
  EmbedConfiguration,
});

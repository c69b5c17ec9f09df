export { INSTITUTIONS } from './data';
export {
  searchInstitutions,
  findInstitution,
  prepareSearch,
  signInOf,
  type InstitutionSearchOptions,
} from './search';
export type { Institution } from './types';
export { institutionsFromCatalog } from './catalog';
export { normalize } from './search';
export { monogramOf, tileColourOf } from './monogram';

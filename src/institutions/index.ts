export { INSTITUTIONS } from './data';
export { searchInstitutions, findInstitution, signInOf, type InstitutionSearchOptions } from './search';
export type { Institution } from './types';

export { INSTITUTIONS } from './data';
export { findInstitution, signInOf } from './find';
export { searchInstitutions, normalize } from './search';
export type { Institution } from './types';
export { institutionsFromCatalog } from './catalog';
export { monogramOf } from './monogram';
export { popularInstitutions } from './popular';

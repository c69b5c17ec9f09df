export { InstitutionStep, type InstitutionStepProps } from './InstitutionStep';
export { CatalogInstitutionStep, type CatalogSource } from './CatalogInstitutionStep';

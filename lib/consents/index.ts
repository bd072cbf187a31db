// R11 consent as a record, and the R10 exception: what lets a counselor pass a youth's information on.
export type { ConsentFieldErrors, ConsentInput, SharingExceptionInput, WithdrawalInput } from "./consent-input";
export { listSharingBases, listSharingBasis, type ConsentView, type SharingBasis, type SharingExceptionView } from "./list-sharing-basis";
export { recordConsent, type SharingWriteResult } from "./record-consent";
export { recordSharingException } from "./record-sharing-exception";
export { withdrawConsent } from "./withdraw-consent";

// Pure and database-free, safe for client components.
export { CANNED_FIELDS, fillCannedFields, findUnfilledPlaceholders, type CannedField, type CannedFieldValues } from "./canned-fields";

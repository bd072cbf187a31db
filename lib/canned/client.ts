// Pure and database-free, safe for client components.
export { CANNED_FIELDS, fillCannedFields, findUnfilledPlaceholders } from "./canned-fields";

export { agencyInputSchema, type AgencyInput } from "./agency-input";
export { formatAgency } from "./format-agency";
export { listSupportAgencies } from "./list-support-agencies";
export { saveSupportAgency } from "./save-support-agency";
export { exampleAgencies, seedExampleAgencies } from "./seed-example-agencies";

export { agencyInputSchema, type AgencyInput } from "./agency-input";
export { formatAgency } from "./format-agency";
export { listAgencies } from "./list-agencies";
export { saveAgency } from "./save-agency";
export { seedExampleAgencies } from "./seed-example-agencies";

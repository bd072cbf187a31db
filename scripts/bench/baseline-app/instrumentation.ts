/** The bare route needs no start-up work; without this file Next would take the product's from the workspace root. */
export function register() {}

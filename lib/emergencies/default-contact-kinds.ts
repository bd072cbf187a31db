/**
 * To whom an emergency contact may go, seeded as editable defaults (admins rename, reorder, retire and
 * add). The report counts by these rows, so a city that adds 保健所 sees it counted too.
 */
export const defaultContactKinds = [
  { seedKey: "police", label: "警察" },
  { seedKey: "ambulance", label: "救急" },
  { seedKey: "child_guidance", label: "児童相談所" },
  { seedKey: "city", label: "市" },
  { seedKey: "school", label: "学校" },
  { seedKey: "other", label: "その他" },
].map((kind, i) => ({ ...kind, sortOrder: (i + 1) * 10 }));

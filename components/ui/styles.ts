/** Shared Tailwind class lists, so buttons and fields look and focus the same everywhere. */
export const buttonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60";
export const secondaryButtonClass =
  "inline-flex min-h-9 items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60";
export const dangerButtonClass =
  "inline-flex min-h-9 items-center justify-center rounded-md border border-red-300 bg-white px-3 py-1 text-sm text-red-700 hover:bg-red-50 disabled:opacity-60";
export const inputClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base aria-invalid:border-red-600";
export const labelClass = "block text-sm font-medium text-slate-700";
export const errorClass = "mt-1 text-sm text-red-700";

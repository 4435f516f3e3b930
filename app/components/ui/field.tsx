import type { InputHTMLAttributes } from "react";

/** A labelled input with its error message beside it, wired for screen readers. */
export function Field({
  label,
  name,
  error,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; error?: string }) {
  const id = input.id ?? `field-${name}`;
  const errorId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={`mt-1 block w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-200 focus:outline-none ${
          error ? "border-red-600" : "border-slate-300"
        }`}
        {...input}
      />
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

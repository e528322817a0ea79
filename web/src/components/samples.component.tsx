/** Masked sample values of a finding, each in its own code element (the masks come from the server). */
export function Samples({ values }: { values: readonly string[] }) {
  return (
    <>
      {values.map((s) => (
        <code key={s} className="sample">
          {s}
        </code>
      ))}
    </>
  );
}

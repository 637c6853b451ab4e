/** One figure of a figures card: a label, its value and an optional note; the tone colours it. */
export interface Figure {
  label: string;
  value: string | number;
  note?: string;
  tone?: 'success' | 'offer' | 'waitlist';
}

/** The items of a `<dl className="figures">` (the edition page's and the reports' figures look alike). */
export function FigureItems({ figures }: { figures: readonly Figure[] }) {
  return (
    <>
      {figures.map((figure) => (
        <div key={figure.label} className={figure.tone ? `figure figure-${figure.tone}` : 'figure'}>
          <dt>{figure.label}</dt>
          <dd>
            <span className="figure-value">{figure.value}</span>
            {figure.note && <span className="figure-note">{figure.note}</span>}
          </dd>
        </div>
      ))}
    </>
  );
}

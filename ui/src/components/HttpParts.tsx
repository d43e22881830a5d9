export function HeaderList({ headers }: { headers: Array<[string, string]> }) {
  if (headers.length === 0) return null;
  return (
    <dl className="headers">
      {headers.map(([name, value], i) => (
        <div key={`${name}-${i}`}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

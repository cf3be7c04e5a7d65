/** A select's options from [value, text] pairs (cabins, sort orders). */
export function SelectOptions({ options }: { options: readonly (readonly [string, string])[] }) {
  return options.map(([value, text]) => (
    <option key={value} value={value}>
      {text}
    </option>
  ));
}

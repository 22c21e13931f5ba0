import { useState } from 'react';

interface SearchFieldProps {
  id: string;
  label: string;
  placeholder: string;
  submitLabel: string;
  text: string;
  onTextChange: (text: string) => void;
}

/**
 * The text box of a filter form and its submit button; the form applies the text on Enter or the button. Use with
 * {@link useSearchText}, which keeps the box in step with the address.
 */
export function SearchField({ id, label, placeholder, submitLabel, text, onTextChange }: SearchFieldProps) {
  return (
    <div className="field filters__search">
      <label htmlFor={id}>{label}</label>
      <div className="filters__search-row">
        <input id={id} type="search" value={text} placeholder={placeholder} onChange={(event) => onTextChange(event.target.value)} />
        <button type="submit" className="button button--secondary">
          {submitLabel}
        </button>
      </div>
    </div>
  );
}

/** The text typed in a search box; when the address changes the applied search (back button, Clear), the box follows it. */
export function useSearchText(applied: string | undefined) {
  const [text, setText] = useState(applied ?? '');
  const [shown, setShown] = useState(applied);
  if (applied !== shown) {
    setShown(applied);
    setText(applied ?? '');
  }
  return [text, setText] as const;
}

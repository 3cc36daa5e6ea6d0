import { useState } from 'react';
import { useT } from '../../i18n';
import { randomLayout } from './keyboardLayout';
import '../../styles/keyboard.css';

type Props = {
  onType: (char: string) => void;
  onBackspace: () => void;
  onClear: () => void;
  onDone: () => void;
};

/**
 * The on-screen keyboard of ソフトウェアキーボードを使用する (SPEC R-LOG-1): clicked or touched keys in a random
 * order fill the password without the physical keyboard, so a key logger sees nothing. It never shows what
 * was typed: the password field stays masked, and pressed keys get no lasting highlight.
 */
export function SoftwareKeyboard({ onType, onBackspace, onClear, onDone }: Props) {
  const t = useT();
  const [layout] = useState(randomLayout);
  const [capitals, setCapitals] = useState(false);
  const shown = (char: string) => (capitals ? char.toUpperCase() : char);
  return (
    <div className="soft-keyboard" role="group" aria-label={t.keyboard.label} aria-describedby="soft-keyboard-note">
      <p id="soft-keyboard-note" className="keyboard-note">
        {t.keyboard.note}
      </p>
      {layout.rows.map((row) => (
        <div className="key-row" key={row.join('')}>
          {row.map((char) => (
            <button type="button" className="key" key={char} onClick={() => onType(shown(char))}>
              {shown(char)}
            </button>
          ))}
        </div>
      ))}
      <div className="key-row key-controls">
        <button type="button" className="key key-wide" aria-pressed={capitals} onClick={() => setCapitals(!capitals)}>
          {t.keyboard.shift}
        </button>
        <button type="button" className="key key-wide" onClick={onBackspace}>
          {t.keyboard.backspace}
        </button>
        <button type="button" className="key key-wide" onClick={onClear}>
          {t.keyboard.clear}
        </button>
        <button type="button" className="key key-wide key-done" onClick={onDone}>
          {t.keyboard.done}
        </button>
      </div>
    </div>
  );
}

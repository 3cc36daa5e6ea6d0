type Props = {
  /** The way back, on the left; a form that starts a task may have none. */
  back?: { label: string; onClick: () => void };
  submit: string;
  /** The primary button's look: a step forward (›), a destructive change, or neither. */
  tone?: 'next' | 'danger' | 'plain';
  disabled?: boolean;
  /** Both buttons together in the middle (a short form), or apart at the two ends (a panel's width). */
  centred?: boolean;
};

/** The guide's button row: back on the left, the form's one submit button on the right. */
export function FormActions({ back, submit, tone = 'next', disabled, centred }: Props) {
  const look = tone === 'plain' ? '' : ` button-${tone}`;
  return (
    <div className={centred || !back ? 'actions' : 'actions actions-split'}>
      {back && (
        <button type="button" className="button button-back" disabled={disabled} onClick={back.onClick}>
          {back.label}
        </button>
      )}
      <button type="submit" className={`button button-primary${look}`} disabled={disabled}>
        {submit}
      </button>
    </div>
  );
}

/**
 * Moves the focus to the field a refusal is about, so the user lands where the message is. Its own module:
 * the form, its error summary and the submit cycle all need it, and none of them should need another for it.
 */
export function focusField(id: string): void {
  document.getElementById(id)?.focus();
}

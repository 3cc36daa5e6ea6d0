type Props = { message: string | undefined; tone?: 'error' | 'info' };

/**
 * A message about the whole form or screen. The live region is always in the page, so that a message
 * appearing in it is announced (a region inserted together with its text often is not).
 */
export function Alert({ message, tone = 'error' }: Props) {
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={message ? `alert alert-${tone}` : undefined}>
      {message}
    </div>
  );
}

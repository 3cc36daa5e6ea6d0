import { useEffect, useRef } from 'react';

/** The heading of the panel a row's button opened: it takes the focus, so the keyboard and screen reader follow. */
export function ChoiceHeading({ id, text }: { id: string; text: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <h2 id={id} ref={heading} tabIndex={-1}>
      {text}
    </h2>
  );
}

// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { usePick } from '../../../renderer/src/stores/pick';
import { render, type Rendered } from '../support/render';

type State = { shown: string; other: number };
const useStore = create<State>(() => ({ shown: 'a', other: 0 }));
let renders = 0;

function Probe() {
  renders++;
  const { shown } = usePick(useStore, 'shown');
  return createElement('p', null, shown);
}

let mounted: Rendered | undefined;
afterEach(() => mounted?.unmount());

describe('usePick (issue 23: one subscription for several fields of a store)', () => {
  it('follows a picked field and ignores the others, as one selector per field would', async () => {
    mounted = await render(Probe, {});
    const first = renders;
    expect(mounted.container.textContent).toBe('a');
    act(() => useStore.setState({ other: 1 }));
    expect(renders).toBe(first);
    act(() => useStore.setState({ shown: 'b' }));
    expect(mounted.container.textContent).toBe('b');
    expect(renders).toBe(first + 1);
  });
});

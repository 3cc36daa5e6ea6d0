import { EventEmitter } from 'node:events';

/** Just enough of Electron's WebContents for hardenContents, driven like the real one: by events. */
export class FakeContents extends EventEmitter {
  windowOpenHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  /** Emits an event the way Electron does and says whether a listener prevented it. */
  attempt(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export function frame(url: string, parent: object | null = null) {
  return { senderFrame: { url, parent } };
}

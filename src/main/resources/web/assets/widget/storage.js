// What the widget keeps across page loads, in the host page's localStorage: the session (id and token),
// the language chosen and whether the panel was open. Storage may be refused (private modes): then the
// conversation lasts as long as the page.

const KEY = 'moeen-chat';

export function loadState(origin) {
  try {
    const raw = window.localStorage.getItem(`${KEY}:${origin}`);
    return raw ? JSON.parse(raw) : {};
  } catch (refused) {
    return {};
  }
}

export function saveState(origin, state) {
  try {
    window.localStorage.setItem(`${KEY}:${origin}`, JSON.stringify(state));
  } catch (refused) {
    // nothing to do: the conversation still works on this page
  }
}

// Building the DOM without markup: text only ever goes in as text nodes (never as HTML). Attributes whose name
// starts with "on" and whose value is a function become event listeners.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (typeof value === 'function' && name.startsWith('on')) {
      node.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(node, child);
    } else {
      node.append(child);
    }
  }
}

/** A name, a number or a phone number we place in a sentence: isolated, so its direction cannot disturb ours. */
export function bdi(value) {
  return el('bdi', {}, value === null || value === undefined ? '' : String(value));
}

/** Text a person wrote (a note, a chat message): its own direction. */
export function written(tag, value, attributes = {}) {
  return el(tag, { ...attributes, dir: 'auto' }, value === null || value === undefined ? '' : String(value));
}

/** A unique id for label/control pairs. */
let counter = 0;
export function uid(prefix = 'm') {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A labelled form control: {wrapper, control}. */
export function field(labelText, control, hint) {
  const id = control.id || uid('f');
  control.id = id;
  const label = el('label', { for: id }, labelText);
  const parts = [label, control];
  if (hint) {
    const hintId = `${id}-hint`;
    control.setAttribute('aria-describedby', hintId);
    parts.push(el('p', { class: 'hint', id: hintId }, hint));
  }
  return el('div', { class: 'field' }, ...parts);
}

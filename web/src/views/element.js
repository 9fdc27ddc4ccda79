// Builds an element with properties and children. Text goes in as textContent, never as HTML.
export function element(tag, properties = {}, children = []) {
  const node = document.createElement(tag);
  Object.assign(node, properties);
  node.append(...children);
  return node;
}

// Builds an SVG element with attributes and children; text goes in as textContent, never as markup.
export function svg(tag, attributes = {}, children = []) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'textContent') node.textContent = value;
    else node.setAttribute(name, String(value));
  }
  node.append(...children);
  return node;
}

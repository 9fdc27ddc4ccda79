// The view switcher: an ARIA tablist (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/) with automatic
// activation: arrow keys, Home and End move between tabs and show the view; only the selected tab is in the
// tab order.
export class ViewTabs {
  constructor(tablist) {
    this.tabs_ = Array.from(tablist.querySelectorAll('[role=tab]'));
    this.onSelect = () => {};
    for (const tab of this.tabs_) {
      tab.addEventListener('click', () => this.choose_(tab));
      tab.addEventListener('keydown', (event) => this.key_(event, tab));
    }
    // A row too narrow for every tab scrolls sideways; it fades out on the side where tabs are hidden, so
    // that a reader sees there are more.
    const cue = () => {
      tablist.classList.toggle('more-before', tablist.scrollLeft > 1);
      tablist.classList.toggle('more-after', tablist.scrollLeft + tablist.clientWidth < tablist.scrollWidth - 1);
    };
    tablist.addEventListener('scroll', cue, { passive: true });
    new ResizeObserver(cue).observe(tablist);
  }

  key_(event, tab) {
    const i = this.tabs_.indexOf(tab);
    const n = this.tabs_.length;
    const to = { ArrowRight: (i + 1) % n, ArrowLeft: (i - 1 + n) % n, Home: 0, End: n - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    this.tabs_[to].focus();
    this.choose_(this.tabs_[to]);
  }

  // Selects at once (so Tab leaves from the new tab even before the view has answered), then tells the page.
  choose_(tab) {
    this.select(tab.dataset.view);
    this.onSelect(tab.dataset.view);
  }

  // Marks `view`'s tab selected and shows its panel alone.
  select(view) {
    for (const tab of this.tabs_) {
      const selected = tab.dataset.view === view;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      document.getElementById(tab.getAttribute('aria-controls')).hidden = !selected;
      // A tab row that scrolls sideways (phones) shows the selected tab, without scrolling the page.
      if (selected) {
        const row = tab.parentElement;
        if (tab.offsetLeft < row.scrollLeft || tab.offsetLeft + tab.offsetWidth > row.scrollLeft + row.clientWidth) {
          row.scrollLeft = tab.offsetLeft - (row.clientWidth - tab.offsetWidth) / 2;
        }
      }
    }
  }
}

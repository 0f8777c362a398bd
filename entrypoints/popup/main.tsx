import { render } from 'preact';

render(<main>Threadlight</main>, document.getElementById('app')!);

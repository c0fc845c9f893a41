// Renders the lesson's math: elements with class bw-math carry their LaTeX in data-tex.
import katex from 'katex';
import 'katex/dist/katex.min.css';

window.bytewiseRenderMath = (root) => {
  root.querySelectorAll('.bw-math').forEach((element) => {
    katex.render(element.dataset.tex, element, {
      displayMode: element.classList.contains('bw-math-display'),
      throwOnError: false,
      output: 'htmlAndMathml',
    });
  });
};

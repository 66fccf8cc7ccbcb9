import { IRawStyle } from '@fluentui/react/lib/Styling';

/**
 * Honours the person's "reduce motion" setting inside a part: Fluent UI v8 animates elements as they enter (rows
 * and messages fade in, dialogs slide) whatever the setting; with it on, they appear at once. The spinner keeps
 * turning (it says "busy"); every other animation and transition in the part is dropped.
 */
export const REDUCED_MOTION: IRawStyle = {
  selectors: {
    '& *:not(.ms-Spinner-circle), & *::before, & *::after': {
      selectors: {
        '@media (prefers-reduced-motion: reduce)': {
          animation: 'none !important',
          transition: 'none !important'
        }
      }
    }
  }
};

import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import { t, uiLanguage } from '@/utils/i18n';
import '@/components/popup/popup.css';

// The browser picks the messages' language; dates and numbers follow it, and so should the document.
document.documentElement.lang = uiLanguage();
document.title = t('extName');
render(<PopupApp />, document.getElementById('app')!);

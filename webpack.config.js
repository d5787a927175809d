// The task pane and the offline web page: one bundle. The pane loads office.js from the Office CDN itself,
// and only inside Office; the ribbon's function file (commands.html), which only Office opens, names it.
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyPlugin = require('copy-webpack-plugin');

const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

module.exports = (_env, argv = {}) => ({
  mode: argv.mode || 'production',
  entry: { taskpane: './src/ui/main.tsx' },
  output: {
    path: path.resolve(__dirname, 'dist/web'),
    filename: '[name].[contenthash:8].js',
    chunkFilename: '[name].[contenthash:8].js',
    publicPath: '',
    clean: true,
  },
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: {
    rules: [{ test: /\.tsx?$/, loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.web.json' } }],
  },
  plugins: [
    ...['taskpane', 'commands'].map((page) => new HtmlWebpackPlugin({
      template: `src/ui/${page}.html`,
      filename: `${page}.html`,
      chunks: page === 'taskpane' ? ['taskpane'] : [],
      templateParameters: { officeJs: OFFICE_CDN },
    })),
    new CopyPlugin({
      patterns: [
        { from: 'assets/sample.xlsx', to: 'assets/' },
        { from: 'assets/template.xlsx', to: 'assets/' },
        { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
      ],
    }),
  ],
  devtool: argv.mode === 'development' ? 'source-map' : false,
  performance: { hints: false },
});

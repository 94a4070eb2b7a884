import { linspace, notebookData } from '../../course/data/notebook-data';

describe('linspace', () => {
  it("matches NumPy's linspace, last value exact", () => {
    expect(linspace(-5, 5, 10)).toEqual([-5, -3.888888888888889, -2.7777777777777777, -1.6666666666666665, -0.5555555555555554, 0.5555555555555554, 1.666666666666667, 2.7777777777777786, 3.8888888888888893, 5]);
    expect(linspace(-4.5, 4.8, 15).at(-1)).toBe(4.8);
  });
});

describe('notebookData', () => {
  it('has 10 examples of class 0 then 15 of class 1', () => {
    const { x, y } = notebookData();
    expect(x.shape).toEqual([25, 2]);
    expect(Array.from(y.data)).toEqual([...Array(10).fill(0), ...Array(15).fill(1)]);
  });

  it('puts class 0 on sin(x1) and class 1 on sin(x1) + 1', () => {
    const { x } = notebookData('sin');
    x.toArray().forEach(([x1, x2], i) => expect(x2).toBeCloseTo(Math.sin(x1) + (i < 10 ? 0 : 1), 15));
  });

  it('puts the linear variant on 2·x1 + 2 and 2·x1 + 4', () => {
    const { x } = notebookData('linear');
    x.toArray().forEach(([x1, x2], i) => expect(x2).toBeCloseTo(2 * x1 + (i < 10 ? 2 : 4), 12));
  });
});
